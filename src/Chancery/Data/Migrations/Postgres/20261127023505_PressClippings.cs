using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PressClippings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Clipping",
                table: "PressArticles",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<int>(
                name: "ClippingHeight",
                table: "PressArticles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClippingWidth",
                table: "PressArticles",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Clipping",
                table: "PressArticles");

            migrationBuilder.DropColumn(
                name: "ClippingHeight",
                table: "PressArticles");

            migrationBuilder.DropColumn(
                name: "ClippingWidth",
                table: "PressArticles");
        }
    }
}
