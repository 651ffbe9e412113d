-- CreateTable
CREATE TABLE "ActorRedirect" (
    "id" SERIAL NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "fromId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,

    CONSTRAINT "ActorRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ActorRedirect_fromSlug_key" ON "ActorRedirect"("fromSlug");

-- CreateIndex
CREATE UNIQUE INDEX "ActorRedirect_fromId_key" ON "ActorRedirect"("fromId");

-- CreateIndex
CREATE INDEX "ActorRedirect_actorId_idx" ON "ActorRedirect"("actorId");

-- AddForeignKey
ALTER TABLE "ActorRedirect" ADD CONSTRAINT "ActorRedirect_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

