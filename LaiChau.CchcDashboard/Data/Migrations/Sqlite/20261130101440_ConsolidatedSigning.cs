using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LaiChau.CchcDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsolidatedSigning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ConsolidatedDate",
                table: "Periods",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConsolidatedNumber",
                table: "Periods",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ConsolidatedSignedByDeputy",
                table: "Periods",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ConsolidatedSignerName",
                table: "Periods",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConsolidatedDate",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "ConsolidatedNumber",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "ConsolidatedSignedByDeputy",
                table: "Periods");

            migrationBuilder.DropColumn(
                name: "ConsolidatedSignerName",
                table: "Periods");
        }
    }
}
