-- CreateEnum
CREATE TYPE "VersionEventKind" AS ENUM ('CREATED', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED', 'TOOK_EFFECT');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "AttestationState" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'APPROVED', 'ISSUED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'REVOKED');

-- AlterTable
ALTER TABLE "certifications" ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "measures_sections" ADD COLUMN     "change_kind" "ChangeKind",
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "source_hash" TEXT,
ADD COLUMN     "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updated_by_id" UUID;

-- AlterTable
ALTER TABLE "measures_versions" ADD COLUMN     "approved_at" TIMESTAMPTZ(3),
ADD COLUMN     "approved_by_id" UUID,
ADD COLUMN     "approved_by_name" TEXT,
ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "no_reduction_confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "no_reduction_confirmed_by" TEXT,
ADD COLUMN     "no_reduction_confirmed_by_id" UUID,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "submitted_at" TIMESTAMPTZ(3),
ADD COLUMN     "submitted_by_id" UUID;

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "auto_approve_domains" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "nda_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "open_request_limit" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "require_all_locales" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "review_reminder_hours" INTEGER NOT NULL DEFAULT 48;

-- CreateTable
CREATE TABLE "measures_version_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "kind" "VersionEventKind" NOT NULL,
    "actor_id" UUID,
    "actor_name" TEXT,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measures_version_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measures_version_authors" (
    "tenant_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "first_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measures_version_authors_pkey" PRIMARY KEY ("version_id","user_id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "topics" TEXT[],
    "confirm_token_hash" TEXT,
    "confirm_expires_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "unsubscribe_token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_deliveries" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "dedupe_key" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nda_versions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "text" JSONB NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_at" TIMESTAMPTZ(3),

    CONSTRAINT "nda_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nda_acceptances" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "nda_version_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "company_name" TEXT NOT NULL,
    "nda_sha256" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nda_acceptances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attestation_requests" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "customer_id" UUID,
    "requester_email" TEXT NOT NULL,
    "requester_name" TEXT,
    "company_name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "contract_reference" TEXT,
    "locale" TEXT NOT NULL,
    "state" "AttestationState" NOT NULL DEFAULT 'SUBMITTED',
    "idempotency_key" TEXT NOT NULL,
    "nda_acceptance_id" UUID,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "decision_reason" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminder_sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "attestation_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attestation_request_certifications" (
    "tenant_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "certification_id" UUID NOT NULL,

    CONSTRAINT "attestation_request_certifications_pkey" PRIMARY KEY ("request_id","certification_id")
);

-- CreateTable
CREATE TABLE "attestation_events" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "from_state" "AttestationState",
    "to_state" "AttestationState" NOT NULL,
    "actor_id" UUID,
    "actor_name" TEXT,
    "message" TEXT,
    "automatic" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attestation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attestation_letters" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "request_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" DATE NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_reason" TEXT,
    "sha256" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attestation_letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificate_files" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "certification_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "measures_version_events_version_id_created_at_idx" ON "measures_version_events"("version_id", "created_at");

-- CreateIndex
CREATE INDEX "measures_version_events_tenant_id_idx" ON "measures_version_events"("tenant_id");

-- CreateIndex
CREATE INDEX "measures_version_authors_tenant_id_idx" ON "measures_version_authors"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_confirm_token_hash_key" ON "subscriptions"("confirm_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_unsubscribe_token_hash_key" ON "subscriptions"("unsubscribe_token_hash");

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_tenant_id_email_key" ON "subscriptions"("tenant_id", "email");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_dedupe_key_key" ON "outbox_messages"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_messages_dispatched_at_available_at_idx" ON "outbox_messages"("dispatched_at", "available_at");

-- CreateIndex
CREATE INDEX "outbox_messages_tenant_id_idx" ON "outbox_messages"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "email_deliveries_dedupe_key_key" ON "email_deliveries"("dedupe_key");

-- CreateIndex
CREATE INDEX "email_deliveries_tenant_id_created_at_idx" ON "email_deliveries"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_endpoints_tenant_id_idx" ON "webhook_endpoints"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_dedupe_key_key" ON "webhook_deliveries"("dedupe_key");

-- CreateIndex
CREATE INDEX "webhook_deliveries_tenant_id_created_at_idx" ON "webhook_deliveries"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_idx" ON "webhook_deliveries"("endpoint_id");

-- CreateIndex
CREATE UNIQUE INDEX "nda_versions_tenant_id_number_key" ON "nda_versions"("tenant_id", "number");

-- CreateIndex
CREATE INDEX "nda_acceptances_tenant_id_user_id_accepted_at_idx" ON "nda_acceptances"("tenant_id", "user_id", "accepted_at");

-- CreateIndex
CREATE INDEX "attestation_requests_tenant_id_state_created_at_idx" ON "attestation_requests"("tenant_id", "state", "created_at");

-- CreateIndex
CREATE INDEX "attestation_requests_user_id_idx" ON "attestation_requests"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "attestation_requests_tenant_id_user_id_idempotency_key_key" ON "attestation_requests"("tenant_id", "user_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "attestation_request_certifications_tenant_id_idx" ON "attestation_request_certifications"("tenant_id");

-- CreateIndex
CREATE INDEX "attestation_events_request_id_created_at_idx" ON "attestation_events"("request_id", "created_at");

-- CreateIndex
CREATE INDEX "attestation_events_tenant_id_idx" ON "attestation_events"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "attestation_letters_request_id_key" ON "attestation_letters"("request_id");

-- CreateIndex
CREATE UNIQUE INDEX "attestation_letters_code_key" ON "attestation_letters"("code");

-- CreateIndex
CREATE INDEX "attestation_letters_tenant_id_idx" ON "attestation_letters"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificate_files_certification_id_key" ON "certificate_files"("certification_id");

-- CreateIndex
CREATE INDEX "certificate_files_tenant_id_idx" ON "certificate_files"("tenant_id");

-- AddForeignKey
ALTER TABLE "measures_version_events" ADD CONSTRAINT "measures_version_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures_version_events" ADD CONSTRAINT "measures_version_events_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "measures_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures_version_authors" ADD CONSTRAINT "measures_version_authors_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures_version_authors" ADD CONSTRAINT "measures_version_authors_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "measures_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nda_versions" ADD CONSTRAINT "nda_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nda_acceptances" ADD CONSTRAINT "nda_acceptances_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nda_acceptances" ADD CONSTRAINT "nda_acceptances_nda_version_id_fkey" FOREIGN KEY ("nda_version_id") REFERENCES "nda_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_requests" ADD CONSTRAINT "attestation_requests_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_requests" ADD CONSTRAINT "attestation_requests_nda_acceptance_id_fkey" FOREIGN KEY ("nda_acceptance_id") REFERENCES "nda_acceptances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_request_certifications" ADD CONSTRAINT "attestation_request_certifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_request_certifications" ADD CONSTRAINT "attestation_request_certifications_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "attestation_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_request_certifications" ADD CONSTRAINT "attestation_request_certifications_certification_id_fkey" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_events" ADD CONSTRAINT "attestation_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_events" ADD CONSTRAINT "attestation_events_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "attestation_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_letters" ADD CONSTRAINT "attestation_letters_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attestation_letters" ADD CONSTRAINT "attestation_letters_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "attestation_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_files" ADD CONSTRAINT "certificate_files_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificate_files" ADD CONSTRAINT "certificate_files_certification_id_fkey" FOREIGN KEY ("certification_id") REFERENCES "certifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;
