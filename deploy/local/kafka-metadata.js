// Exits 0 when the broker at argv[2] answers a metadata request (used by kafka.sh to wait for readiness).
const { Kafka, logLevel } = require('kafkajs');

const admin = new Kafka({
  clientId: 'kafka-readiness',
  brokers: [process.argv[2] || '127.0.0.1:9092'],
  logLevel: logLevel.NOTHING,
  connectionTimeout: 1000,
  requestTimeout: 2000,
  retry: { retries: 0 },
}).admin();

admin
  .connect()
  .then(() => admin.describeCluster())
  .then(() => admin.disconnect())
  .then(() => process.exit(0))
  .catch(() => process.exit(1));
