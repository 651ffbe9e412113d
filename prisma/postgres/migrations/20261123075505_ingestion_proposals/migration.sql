-- CreateTable
CREATE TABLE "Ingestion" (
    "id" SERIAL NOT NULL,
    "contentHash" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "publisher" TEXT,
    "url" TEXT,
    "publishedOn" TEXT,
    "headline" TEXT,
    "body" TEXT NOT NULL,
    "removedLines" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL,
    "articleId" INTEGER,
    "createdAt" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "Ingestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" SERIAL NOT NULL,
    "ingestionId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "reviewedBy" TEXT,
    "reviewedAt" TEXT,
    "reason" TEXT,
    "result" TEXT,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ingestion_contentHash_key" ON "Ingestion"("contentHash");

-- CreateIndex
CREATE INDEX "Proposal_ingestionId_idx" ON "Proposal"("ingestionId");

-- CreateIndex
CREATE INDEX "Proposal_status_id_idx" ON "Proposal"("status", "id");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_ingestionId_fkey" FOREIGN KEY ("ingestionId") REFERENCES "Ingestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

