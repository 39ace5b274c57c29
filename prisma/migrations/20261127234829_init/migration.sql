-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('EDITORIAL', 'MATERIAL');

-- CreateEnum
CREATE TYPE "CertificationFramework" AS ENUM ('ISO_27001', 'ISO_27017', 'ISO_27018', 'ISO_27701', 'SOC2_TYPE2', 'BSI_C5', 'TISAX', 'CUSTOM');

-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" JSONB NOT NULL DEFAULT '{}',
    "default_locale" TEXT NOT NULL DEFAULT 'de',
    "locales" TEXT[] DEFAULT ARRAY['de', 'en']::TEXT[],
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "brand_color" TEXT NOT NULL DEFAULT '#1d4ed8',
    "logo_svg" TEXT,
    "custom_domain" TEXT,
    "notice_period_days" INTEGER NOT NULL DEFAULT 30,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measures_documents" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measures_documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measures_versions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "title" JSONB NOT NULL DEFAULT '{}',
    "change_summary" JSONB NOT NULL DEFAULT '{}',
    "change_kind" "ChangeKind" NOT NULL DEFAULT 'EDITORIAL',
    "effective_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measures_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measures_sections" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "version_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "number" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "measures_sections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certifications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "framework" "CertificationFramework" NOT NULL,
    "label" TEXT,
    "certifier" TEXT NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "certificate_number" TEXT,
    "issued_at" DATE NOT NULL,
    "valid_until" DATE NOT NULL,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "withdrawn" BOOLEAN NOT NULL DEFAULT false,
    "summary" JSONB NOT NULL DEFAULT '{}',
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tenants_custom_domain_key" ON "tenants"("custom_domain");

-- CreateIndex
CREATE UNIQUE INDEX "measures_documents_tenant_id_key_key" ON "measures_documents"("tenant_id", "key");

-- CreateIndex
CREATE INDEX "measures_versions_tenant_id_status_effective_at_idx" ON "measures_versions"("tenant_id", "status", "effective_at");

-- CreateIndex
CREATE UNIQUE INDEX "measures_versions_document_id_number_key" ON "measures_versions"("document_id", "number");

-- CreateIndex
CREATE INDEX "measures_sections_tenant_id_idx" ON "measures_sections"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "measures_sections_version_id_locale_key_key" ON "measures_sections"("version_id", "locale", "key");

-- CreateIndex
CREATE UNIQUE INDEX "measures_sections_version_id_locale_position_key" ON "measures_sections"("version_id", "locale", "position");

-- CreateIndex
CREATE INDEX "certifications_tenant_id_idx" ON "certifications"("tenant_id");

-- AddForeignKey
ALTER TABLE "measures_documents" ADD CONSTRAINT "measures_documents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures_versions" ADD CONSTRAINT "measures_versions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures_versions" ADD CONSTRAINT "measures_versions_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "measures_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures_sections" ADD CONSTRAINT "measures_sections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measures_sections" ADD CONSTRAINT "measures_sections_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "measures_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
