export { issueBureauToken } from '../../tools/lib/bureau-fixture';
