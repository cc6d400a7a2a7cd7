export { sampleOf } from '../../tools/lib/metric-samples';
