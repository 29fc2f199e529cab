// Org units arrive as a flat list with parent ids; tables and selects want a tree.

export type TreeOf<T> = T & { children?: TreeOf<T>[] }

// Builds the forest; a node whose parent is not in the list (outside the caller's scope) becomes
// a root, so nobody loses sight of a unit he may see. Siblings keep the order of `items`.
export function buildTree<T extends { id: number; parent_id: number }>(items: T[]): TreeOf<T>[] {
  const byId = new Map<number, TreeOf<T>>()
  for (const item of items) byId.set(item.id, { ...item })
  const roots: TreeOf<T>[] = []
  for (const node of byId.values()) {
    const parent = node.parent_id ? byId.get(node.parent_id) : undefined
    if (parent && parent !== node) {
      ;(parent.children ??= []).push(node)
    } else {
      roots.push(node)
    }
  }
  return roots
}

// The ids of `id` and everything under it: a unit cannot become its own descendant's child.
export function descendantIds<T extends { id: number; parent_id: number }>(items: T[], id: number): Set<number> {
  const result = new Set<number>([id])
  let grew = true
  while (grew) {
    grew = false
    for (const item of items) {
      if (!result.has(item.id) && result.has(item.parent_id)) {
        result.add(item.id)
        grew = true
      }
    }
  }
  return result
}
