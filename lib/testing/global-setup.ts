// Placeholder replaced once the database test harness exists.
export default async function setup() {}
