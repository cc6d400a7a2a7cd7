export { issueApiKey, issueRawSigner, seedRegistry } from '../../tools/lib/registry-fixture';
export type { RawSigner } from '../../tools/lib/registry-fixture';
