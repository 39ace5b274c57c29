// `npm run db:seed`: migrate, then seed the demo data if the database is empty.
import "dotenv/config";
import { closeDb, connectAsOwner } from "@/server/db/client";
import { migrate } from "@/scripts/migrate";
import { seedDemoData } from "./seed/seed-demo";

// Migrations and the seed write as the owner; the app itself runs as app_user.
connectAsOwner();

try {
  await migrate();
  console.log((await seedDemoData()) ? "[seed] demo data written" : "[seed] database not empty: nothing written");
} finally {
  await closeDb();
}
