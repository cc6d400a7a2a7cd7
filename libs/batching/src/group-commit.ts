export interface GroupCommitOptions<T> {
  /** Commits a group of items at once, in submission order; every submitter of the group gets its outcome. */
  commit(items: T[]): Promise<void>;
  /** Size of an item (messages of a batch, bytes of a send): a group is closed as soon as it reaches `maxSize`. */
  size(item: T): number;
  maxSize: number;
  /**
   * How long an idle group waits for company after its first item arrived, when no commit is
   * running (Kafka's `linger.ms`); 0 commits on the next turn of the event loop, still sharing the
   * commit with items submitted in the same turn.
   */
  gatherMs: number;
}

interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: items submitted concurrently are committed together, one commit at a time, in the
 * order they were submitted. While a commit runs, new items gather into the next group, so under
 * load each commit holds as much as arrived meanwhile (fewer round trips per item), and when idle
 * an item waits at most `gatherMs`. A submitter's promise settles when the commit holding its item
 * has: resolved means committed (durable), rejected means its group failed — exactly the submitters
 * of that group see the error; the next group is committed as usual.
 *
 * Used for the producer's requests (`KafkaProducer`), ingest's receipts and the aggregator's
 * transactions of consumed batches.
 */
export class GroupCommit<T> {
  private gathering: Array<Waiting<T>> = [];
  private gatheredSize = 0;
  private timer?: NodeJS.Timeout | NodeJS.Immediate;
  private committing = false;

  constructor(private readonly options: GroupCommitOptions<T>) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.gathering.push({ item, resolve, reject });
      this.gatheredSize += this.options.size(item);
      if (this.committing) return; // the running commit starts this group when it ends
      if (this.gatheredSize >= this.options.maxSize) this.startCommit();
      else this.timer ??= this.options.gatherMs > 0 ? setTimeout(() => this.startCommit(), this.options.gatherMs) : setImmediate(() => this.startCommit());
    });
  }

  private startCommit(): void {
    this.cancelTimer();
    if (this.committing || this.gathering.length === 0) return;
    const group = this.takeGroup();
    this.committing = true;
    Promise.resolve()
      .then(() => this.options.commit(group.map((w) => w.item)))
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

  private cancelTimer(): void {
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = undefined;
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
