using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventInvitationSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EndsAtLocal",
                table: "Events",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Languages",
                table: "Events",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'"); // events made before languages existed: the mission's language

            migrationBuilder.AddColumn<bool>(
                name: "RegretsOnly",
                table: "Events",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndsAtLocal",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "RegretsOnly",
                table: "Events");
        }
    }
}
