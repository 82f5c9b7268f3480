using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvitedAt",
                table: "Guests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RsvpTokenHash",
                table: "Guests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EventKeys",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProtectedSigningKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PublicKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
