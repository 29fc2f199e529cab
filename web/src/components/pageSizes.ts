// The page sizes every list offers (ListPager), and what a page size read from the address may be.
export const PAGE_SIZES = [10, 20, 50, 100]
