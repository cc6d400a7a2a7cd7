export { issueApiKey, issueRawSigner, issueRawSigners, seedRegistry } from '../../tools/lib/registry-fixture';
export type { RawSigner } from '../../tools/lib/registry-fixture';
