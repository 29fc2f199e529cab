import { http, type Page } from '@/utils/request'

export interface RegionVO {
  code: string // GB/T 2260, six digits
  name: string
  parent_code: string
  version: number
}

export const getRegionList = () => http.get<Page<RegionVO>>('/regions')
