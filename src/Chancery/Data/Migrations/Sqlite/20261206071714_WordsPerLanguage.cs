using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "DressCode",
                table: "InvitationTexts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "InvitationTexts",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HostIds",
                table: "Events",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Contacts",
                type: "TEXT",
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
