using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Seating : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HolySeeFirst",
                table: "Missions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HostLanguage",
                table: "Missions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "PrecedenceDatedBy",
                table: "Missions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "CredentialsPresented");

            migrationBuilder.AddColumn<string>(
                name: "PrecedenceTieBreak",
                table: "Missions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "RecordedOrder");

            migrationBuilder.AddColumn<bool>(
                name: "WithPartner",
                table: "Guests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ArrivalNotified",
                table: "Contacts",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ManualRank",
                table: "Contacts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NotifiedOrder",
                table: "Contacts",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SeatingTables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    HostName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatingTables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatingTables_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MissionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    TableId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seat = table.Column<int>(type: "integer", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsPartner = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatAssignments_Guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "Guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeatAssignments_SeatingTables_TableId",
                        column: x => x.TableId,
                        principalTable: "SeatingTables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_EventId",
                table: "SeatAssignments",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_GuestId_IsPartner",
                table: "SeatAssignments",
                columns: new[] { "GuestId", "IsPartner" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_TableId_Seat",
                table: "SeatAssignments",
                columns: new[] { "TableId", "Seat" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatingTables_EventId_Number",
                table: "SeatingTables",
                columns: new[] { "EventId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeatAssignments");

            migrationBuilder.DropTable(
                name: "SeatingTables");

            migrationBuilder.DropColumn(
                name: "HolySeeFirst",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "HostLanguage",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "PrecedenceDatedBy",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "PrecedenceTieBreak",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "WithPartner",
                table: "Guests");

            migrationBuilder.DropColumn(
                name: "ArrivalNotified",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "ManualRank",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NotifiedOrder",
                table: "Contacts");
        }
    }
}
