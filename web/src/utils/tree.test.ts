import { describe, expect, it } from 'vitest'
import { buildTree, descendantIds } from './tree'

const units = [
  { id: 1, parent_id: 0, name: '项目办' },
  { id: 5, parent_id: 4, name: '招商科' },
  { id: 4, parent_id: 0, name: '园区运营中心' },
  { id: 6, parent_id: 5, name: '一组' },
  { id: 9, parent_id: 99, name: '上级不可见' },
]

describe('buildTree', () => {
  it('nests children under their parent whatever the order of the list', () => {
    const tree = buildTree(units)
    expect(tree.map((n) => n.id)).toEqual([1, 4, 9])
    const park = tree.find((n) => n.id === 4)!
    expect(park.children?.map((n) => n.id)).toEqual([5])
    expect(park.children?.[0].children?.map((n) => n.id)).toEqual([6])
  })

  it('keeps a unit whose parent is out of sight as a root', () => {
    expect(buildTree(units).some((n) => n.id === 9)).toBe(true)
  })
})

describe('descendantIds', () => {
  it('collects a unit and everything under it', () => {
    expect([...descendantIds(units, 4)].sort()).toEqual([4, 5, 6])
    expect([...descendantIds(units, 1)]).toEqual([1])
  })
})
