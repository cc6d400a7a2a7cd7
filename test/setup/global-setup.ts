// Replaced below once the database lib lands.
export default async function globalSetup(): Promise<void> {}
