using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WordsPerLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Titles",
                table: "ProgrammeItems",
                type: "text",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "DressCode",
                table: "InvitationTexts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "InvitationTexts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "HostIds",
                table: "Events",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Contacts",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Titles",
                table: "ProgrammeItems");

            migrationBuilder.DropColumn(
                name: "DressCode",
                table: "InvitationTexts");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "InvitationTexts");

            migrationBuilder.DropColumn(
                name: "HostIds",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "Contacts");
        }
    }
}
