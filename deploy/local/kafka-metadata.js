// Exits 0 when the broker at argv[2] answers a metadata request (used by kafka.sh to wait for readiness),
// authenticated as the super user of the credentials file argv[3] (kafka.sh writes it).
const { Kafka, logLevel } = require('kafkajs');

const credentials = require(process.argv[3]);
const admin = new Kafka({
  clientId: 'kafka-readiness',
  brokers: [process.argv[2] || '127.0.0.1:9092'],
  sasl: { mechanism: credentials.mechanism, username: 'admin', password: credentials.passwords.admin },
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
