export { issueApiKey, seedRegistry } from '../../tools/lib/registry-fixture';
