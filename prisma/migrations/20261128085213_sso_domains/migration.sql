-- SSO email domains become records of their own, each proved by a DNS TXT record before it admits
-- a sign-in. The domains tenants listed so far are carried over as unverified: nothing ever proved
-- that a tenant owns them, so single sign-on waits until an admin verifies each one.

-- CreateEnum
CREATE TYPE "SsoDomainStatus" AS ENUM ('UNVERIFIED', 'VERIFIED');

-- CreateEnum
CREATE TYPE "SsoDomainCheckFailure" AS ENUM ('RECORD_NOT_FOUND', 'WRONG_VALUE', 'DNS_TIMEOUT', 'DNS_ERROR', 'DOMAIN_TAKEN');

-- CreateTable
CREATE TABLE "sso_domains" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "verification_token" TEXT NOT NULL,
    "status" "SsoDomainStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "verified_domain" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "last_checked_at" TIMESTAMPTZ(3),
    "last_failure" "SsoDomainCheckFailure",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_domains_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sso_domains_verified_domain_key" ON "sso_domains"("verified_domain");

-- CreateIndex
CREATE UNIQUE INDEX "sso_domains_tenant_id_domain_key" ON "sso_domains"("tenant_id", "domain");

-- AddForeignKey
ALTER TABLE "sso_domains" ADD CONSTRAINT "sso_domains_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the listed domains, unverified, each with a fresh token (32 hex digits, 122 random
-- bits of a v4 UUID; the app's own tokens are 128 random bits in the same form).
INSERT INTO "sso_domains" ("id", "tenant_id", "domain", "verification_token")
SELECT gen_random_uuid(), listed.tenant_id, listed.domain, replace(gen_random_uuid()::text, '-', '')
FROM (
  SELECT DISTINCT t.id AS tenant_id, lower(d.domain) AS domain
  FROM "tenants" t, unnest(t.oidc_email_domains) AS d(domain)
  WHERE length(trim(d.domain)) > 0
) AS listed;

-- AlterTable
ALTER TABLE "tenants" DROP COLUMN "oidc_email_domains";
