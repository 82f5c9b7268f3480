using Microsoft.EntityFrameworkCore.Migrations;

namespace Chancery.Data.Migrations;

/// <summary>
/// Database constraints that a row never points at another mission's row: a guest and its event and contact, a
/// contact and its organization and category, a programme item and its speaker, a seat and its table and guest.
/// PostgreSQL gets composite foreign keys on (MissionId, …) against a unique (MissionId, Id) on the parent;
/// SQLite cannot add constraints to a table, so it gets triggers that abort the statement. Used by each provider's
/// <c>Initial</c> migration; a later link goes into a migration of its own, so this list never changes. Rows
/// already there are not re-checked (PostgreSQL's <c>NOT VALID</c>, SQLite's triggers fire on writes), and a
/// programme item's speaker deleted since is cleared first: what an upgrade of a database in use needs, kept so
/// the helper can serve one again.
/// </summary>
internal static class MissionLinks
{
    private static readonly (string Child, string Column, string Parent)[] Links =
    [
        ("Guests", "EventId", "Events"),
        ("Guests", "ContactId", "Contacts"),
        ("Contacts", "OrganizationId", "Organizations"),
        ("Contacts", "CategoryId", "Categories"),
        ("ProgrammeItems", "EventId", "Events"),
        ("ProgrammeItems", "SpeakerContactId", "Contacts"),
        ("SeatingTables", "EventId", "Events"),
        ("SeatAssignments", "EventId", "Events"),
        ("SeatAssignments", "TableId", "SeatingTables"),
        ("SeatAssignments", "GuestId", "Guests"),
    ];

    private const string ClearLostSpeakers = """
        UPDATE "ProgrammeItems" SET "SpeakerContactId" = NULL
        WHERE "SpeakerContactId" IS NOT NULL AND NOT EXISTS
            (SELECT 1 FROM "Contacts" WHERE "Contacts"."Id" = "ProgrammeItems"."SpeakerContactId" AND "Contacts"."MissionId" = "ProgrammeItems"."MissionId");
        """;

    public static void AddPostgres(MigrationBuilder m)
    {
        m.Sql(ClearLostSpeakers);
        foreach (var parent in Links.Select(l => l.Parent).Distinct())
        {
            m.Sql($"""ALTER TABLE "{parent}" ADD CONSTRAINT "AK_{parent}_MissionId_Id" UNIQUE ("MissionId", "Id");""");
        }
        foreach (var (child, column, parent) in Links)
        {
            // MATCH SIMPLE: an empty optional link (no organization) is not checked. No action on delete: the
            // existing single-column keys cascade or restrict as before, and this one is checked after them.
            // NOT VALID: checked for every new or changed row, not for rows already there.
            m.Sql($"""ALTER TABLE "{child}" ADD CONSTRAINT "FK_{child}_{column}_SameMission" FOREIGN KEY ("MissionId", "{column}") REFERENCES "{parent}" ("MissionId", "Id") NOT VALID;""");
        }
    }

    public static void DropPostgres(MigrationBuilder m)
    {
        foreach (var (child, column, _) in Links)
        {
            m.Sql($"""ALTER TABLE "{child}" DROP CONSTRAINT "FK_{child}_{column}_SameMission";""");
        }
        foreach (var parent in Links.Select(l => l.Parent).Distinct())
        {
            m.Sql($"""ALTER TABLE "{parent}" DROP CONSTRAINT "AK_{parent}_MissionId_Id";""");
        }
    }

    public static void AddSqlite(MigrationBuilder m)
    {
        m.Sql(ClearLostSpeakers);
        foreach (var (child, column, parent) in Links)
        {
            foreach (var (suffix, when) in new[] { ("Insert", "INSERT"), ("Update", $"UPDATE OF \"MissionId\", \"{column}\"") })
            {
                m.Sql($"""
                    CREATE TRIGGER "{child}_{column}_SameMission_{suffix}" BEFORE {when} ON "{child}"
                    WHEN NEW."{column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "{parent}" WHERE "Id" = NEW."{column}" AND "MissionId" = NEW."MissionId")
                    BEGIN SELECT RAISE(ABORT, '{child}.{column} must name a row of the same mission'); END;
                    """);
            }
        }
    }

    public static void DropSqlite(MigrationBuilder m)
    {
        foreach (var (child, column, _) in Links)
        {
            m.Sql($"""DROP TRIGGER "{child}_{column}_SameMission_Insert";""");
            m.Sql($"""DROP TRIGGER "{child}_{column}_SameMission_Update";""");
        }
    }
}
