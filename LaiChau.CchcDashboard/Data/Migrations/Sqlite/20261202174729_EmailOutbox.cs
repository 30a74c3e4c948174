using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LaiChau.CchcDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmailOutbox",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ComposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailOutbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailOutbox_ReminderDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "ReminderDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_DeliveryId",
                table: "EmailOutbox",
                column: "DeliveryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailOutbox_NextAttemptAt",
                table: "EmailOutbox",
                column: "NextAttemptAt");

            // E-mails still waiting from before the outbox (each was a Hangfire job): they go through
            // the outbox now, with the Message-Id the old job used.
            migrationBuilder.Sql("""
                INSERT INTO "EmailOutbox" ("DeliveryId", "MessageId", "ComposedAt", "NextAttemptAt")
                SELECT d."Id", 'reminder-' || d."ReminderId" || '-' || d."Id" || '@cchc.laichau', r."CreatedAt", r."CreatedAt"
                FROM "ReminderDeliveries" d JOIN "Reminders" r ON r."Id" = d."ReminderId"
                WHERE d."Channel" = 2 AND d."Outcome" IN (0, 3);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailOutbox");
        }
    }
}
