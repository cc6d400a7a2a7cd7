import { GroupCommit } from './group-commit';

interface Item {
  id: string;
  size: number;
}

function recorder(commit: (items: Item[]) => Promise<void> = () => Promise.resolve(), gatherMs = 5) {
  const groups: string[][] = [];
  const group = new GroupCommit<Item>({
    commit: async (items) => {
      groups.push(items.map((i) => i.id));
      await commit(items);
    },
    size: (item) => item.size,
    maxSize: 10,
    gatherMs,
  });
  return { group, groups };
}

const item = (id: string, size = 1): Item => ({ id, size });

/** A commit that stays open until released, to hold a group in flight. */
function heldCommit() {
  const releases: Array<() => void> = [];
  const commit = () => new Promise<void>((resolve) => releases.push(resolve));
  return { commit, release: () => releases.shift()?.() };
}

describe('GroupCommit', () => {
  afterEach(() => jest.useRealTimers());

  it('commits items submitted together in one group and settles every submitter after it', async () => {
    const { group, groups } = recorder();
    await Promise.all([group.submit(item('a')), group.submit(item('b')), group.submit(item('c'))]);
    expect(groups).toEqual([['a', 'b', 'c']]);
  });

  it('gathers what arrives during a commit into the next group, in submission order', async () => {
    const held = heldCommit();
    const { group, groups } = recorder((items) => (items[0].id === 'a' ? held.commit() : Promise.resolve()));
    const a = group.submit(item('a'));
    await new Promise((resolve) => setTimeout(resolve, 20)); // 'a' alone is committing
    const rest = [group.submit(item('b')), group.submit(item('c')), group.submit(item('d'))];
    held.release();
    await Promise.all([a, ...rest]);
    expect(groups).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('commits an idle group when its linger expires, counted from its first item', async () => {
    jest.useFakeTimers();
    const { group, groups } = recorder(undefined, 5);
    const settled: string[] = [];
    const track = (id: string) => void group.submit(item(id)).then(() => settled.push(id));
    track('a');
    await jest.advanceTimersByTimeAsync(3);
    track('b'); // a later item does not extend the first one's wait
    await jest.advanceTimersByTimeAsync(1);
    expect(groups).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(groups).toEqual([['a', 'b']]);
    expect(settled).toEqual(['a', 'b']);
    track('c');
    await jest.advanceTimersByTimeAsync(4);
    expect(groups).toEqual([['a', 'b']]);
    await jest.advanceTimersByTimeAsync(1);
    expect(groups).toEqual([['a', 'b'], ['c']]);
  });

  it('with no linger, commits on the next turn with whatever was submitted in the same turn', async () => {
    const { group, groups } = recorder(undefined, 0);
    await Promise.all([group.submit(item('a')), group.submit(item('b'))]);
    await group.submit(item('c'));
    expect(groups).toEqual([['a', 'b'], ['c']]);
  });

  it('closes a group at maxSize at once and keeps the rest for the next', async () => {
    jest.useFakeTimers();
    const { group, groups } = recorder(undefined, 1000);
    const all = Promise.all([group.submit(item('a', 6)), group.submit(item('b', 4)), group.submit(item('c', 3))]);
    await jest.advanceTimersByTimeAsync(0);
    // 'a' + 'b' reached 10 without waiting for the linger; 'c', gathered during their commit, went right after it.
    expect(groups).toEqual([['a', 'b'], ['c']]);
    await all;
  });

  it('an item larger than maxSize is committed alone', async () => {
    const { group, groups } = recorder();
    await Promise.all([group.submit(item('small', 2)), group.submit(item('big', 25)), group.submit(item('after', 2))]);
    expect(groups).toEqual([['small'], ['big'], ['after']]);
  });

  it('rejects exactly the submitters of a failed group, each with its error, and goes on with the next', async () => {
    const held = heldCommit();
    const failure = new Error('broker away');
    const { group, groups } = recorder(async (items) => {
      if (items.some((i) => i.id === 'bad')) throw failure;
      if (items.some((i) => i.id === 'first')) await held.commit();
    });
    const first = group.submit(item('first'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const failed = [group.submit(item('ok')), group.submit(item('bad'))];
    held.release();
    const results = await Promise.allSettled([first, ...failed]);
    expect(results).toEqual([
      { status: 'fulfilled', value: undefined },
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    await group.submit(item('later'));
    expect(groups).toEqual([['first'], ['ok', 'bad'], ['later']]);
  });

  it('a commit that throws synchronously fails its group, not the submitter’s caller', async () => {
    const group = new GroupCommit<Item>({
      commit: () => {
        throw new Error('bug');
      },
      size: () => 1,
      maxSize: 10,
      gatherMs: 0,
    });
    await expect(group.submit(item('a'))).rejects.toThrow('bug');
  });
});
