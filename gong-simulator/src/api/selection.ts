/** An ordered set of record indexes that can count itself and list the ones after a given index. */
export interface Selection {
  count(): number;
  after(index: number, limit: number): number[];
}

export function selectFromKeys(sortedKeys: readonly number[]): Selection {
  return {
    count: () => sortedKeys.length,
    after: (index, limit) => {
      let low = 0, high = sortedKeys.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (sortedKeys[mid]! <= index) low = mid + 1;
        else high = mid;
      }
      return sortedKeys.slice(low, low + limit);
    },
  };
}
