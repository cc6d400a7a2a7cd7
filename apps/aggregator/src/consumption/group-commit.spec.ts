import { GroupCommit } from './group-commit';

interface Item {
  id: string;
  size: number;
}

function recorder(commit: (items: Item[]) => Promise<void> = async () => undefined) {
  const groups: string[][] = [];
  const group = new GroupCommit<Item>({
    commit: async (items) => {
      groups.push(items.map((i) => i.id));
      await commit(items);
    },
    size: (item) => item.size,
    maxSize: 10,
    gatherMs: 5,
  });
  return { group, groups };
}

const item = (id: string, size = 1): Item => ({ id, size });

describe('GroupCommit', () => {
  it('commits items submitted together in one group and settles every submitter after it', async () => {
    const { group, groups } = recorder();
    await Promise.all([group.submit(item('a')), group.submit(item('b')), group.submit(item('c'))]);
    expect(groups).toEqual([['a', 'b', 'c']]);
  });

  it('gathers what arrives during a commit into the next group', async () => {
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const { group, groups } = recorder((items) => (items[0].id === 'a' ? first : Promise.resolve()));
    const a = group.submit(item('a'));
    await new Promise((resolve) => setTimeout(resolve, 20)); // 'a' alone is committing
    const rest = [group.submit(item('b')), group.submit(item('c'))];
    release();
    await Promise.all([a, ...rest]);
    expect(groups).toEqual([['a'], ['b', 'c']]);
  });

  it('closes a group at maxSize and keeps the rest for the next', async () => {
    const { group, groups } = recorder();
    await Promise.all([group.submit(item('a', 6)), group.submit(item('b', 6)), group.submit(item('c', 3))]);
    expect(groups).toEqual([['a'], ['b', 'c']]);
  });

  it('an item larger than maxSize is committed alone', async () => {
    const { group, groups } = recorder();
    await group.submit(item('big', 25));
    expect(groups).toEqual([['big']]);
  });

  it('rejects every submitter of a failed group, and goes on with the next', async () => {
    const { group, groups } = recorder(async (items) => {
      if (items.some((i) => i.id === 'bad')) throw new Error('database down');
    });
    const results = await Promise.allSettled([group.submit(item('ok')), group.submit(item('bad'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await group.submit(item('later'));
    expect(groups).toEqual([['ok', 'bad'], ['later']]);
  });
});
