export interface GroupCommitOptions<T> {
  /** Commits a group of items at once; every submitter of the group gets its outcome. */
  commit(items: T[]): Promise<void>;
  /** Size of an item (messages of a batch): a group is closed as soon as it reaches `maxSize`. */
  size(item: T): number;
  maxSize: number;
  /** How long an idle group waits for more items after the last one arrived, when no commit is running. */
  gatherMs: number;
}

interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: items submitted concurrently (kafkajs hands over one batch per partition, several at
 * a time) are committed together, one commit at a time. While a commit runs, new items gather into
 * the next group, so under load each transaction holds as much as arrived meanwhile (more counters
 * merged, fewer round trips per event), and when idle an item waits only `gatherMs`. A submitter's
 * promise settles when the commit holding its item has: resolved means durable.
 */
export class GroupCommit<T> {
  private gathering: Array<Waiting<T>> = [];
  private gatheredSize = 0;
  private timer?: NodeJS.Timeout;
  private committing = false;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.gathering.push({ item, resolve, reject });
      this.gatheredSize += this.options.size(item);
      if (this.committing) return; // the running commit starts this group when it ends
      if (this.gatheredSize >= this.options.maxSize) this.startCommit();
      else this.armTimer();
    });
  }

  private armTimer(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.startCommit(), this.options.gatherMs);
  }

  private startCommit(): void {
    clearTimeout(this.timer);
    if (this.committing || this.gathering.length === 0) return;
    const group = this.takeGroup();
    this.committing = true;
    this.options
      .commit(group.map((w) => w.item))
      .then(
        () => group.forEach((w) => w.resolve()),
        (error: unknown) => group.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        this.committing = false;
        // What gathered meanwhile goes next, without waiting: it has waited a whole commit already.
        this.startCommit();
      });
  }

  /** The gathered items up to maxSize (at least one); the rest stays for the next group. */
  private takeGroup(): Array<Waiting<T>> {
    let size = 0;
    let count = 0;
    while (count < this.gathering.length && (count === 0 || size + this.options.size(this.gathering[count].item) <= this.options.maxSize)) {
      size += this.options.size(this.gathering[count].item);
      count += 1;
    }
    const group = this.gathering.splice(0, count);
    this.gatheredSize -= size;
    return group;
  }
}
