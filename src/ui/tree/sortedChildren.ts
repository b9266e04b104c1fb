// The usual shape of a level: resources sorted by name, or one hint node ("No members — add one…").
import type { TreeNode } from './treeNode';

export function childrenByName<T extends { name?: string }>(items: T[], node: (item: T) => TreeNode, hint: () => TreeNode): TreeNode[] {
  const sorted = [...items].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  return sorted.length ? sorted.map(node) : [hint()];
}
