-- CreateTable
CREATE TABLE "ActorRedirect" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromSlug" TEXT NOT NULL,
    "fromId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    CONSTRAINT "ActorRedirect_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ActorRedirect_fromSlug_key" ON "ActorRedirect"("fromSlug");

-- CreateIndex
CREATE UNIQUE INDEX "ActorRedirect_fromId_key" ON "ActorRedirect"("fromId");

-- CreateIndex
CREATE INDEX "ActorRedirect_actorId_idx" ON "ActorRedirect"("actorId");

