using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvitationKeysAndTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvitationLanguage",
                table: "Guests",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InvitedAt",
                table: "Guests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RsvpTokenHash",
                table: "Guests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EventKeys",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    MissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ProtectedSigningKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublicKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventKeys", x => x.EventId);
                    table.ForeignKey(
                        name: "FK_EventKeys_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Guests_RsvpTokenHash",
                table: "Guests",
                column: "RsvpTokenHash",
                unique: true,
                filter: "\"RsvpTokenHash\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventKeys");

            migrationBuilder.DropIndex(
                name: "IX_Guests_RsvpTokenHash",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "InvitationLanguage",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "InvitedAt",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "RsvpTokenHash",
                table: "Guests");
        }
    }
}
