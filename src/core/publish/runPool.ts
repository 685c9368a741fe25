/**
 * Bounded concurrency: run work over a list with at most `limit` in flight.
 */

/**
 * Runs `work` for each item, `limit` at a time, in list order. After the first failure no new item
 * starts; the ones in flight finish, then the first error is thrown. `shouldStop` is checked
 * before each item starts (cancellation) and its error thrown the same way.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  shouldStop: () => void = () => undefined,
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  async function worker(): Promise<void> {
    while (failure === null && next < items.length) {
      const item = items[next++]
      try {
        shouldStop()
        await work(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker)
  await Promise.all(workers)
  if (failure) throw (failure as { error: unknown }).error
}
