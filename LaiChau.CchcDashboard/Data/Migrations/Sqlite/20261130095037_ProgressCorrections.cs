using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LaiChau.CchcDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgressCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "ActivityUpdates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdatedByName",
                table: "ActivityUpdates",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ActivityUpdates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "ActivityUpdates");

            migrationBuilder.DropColumn(
                name: "UpdatedByName",
                table: "ActivityUpdates");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ActivityUpdates");
        }
    }
}
