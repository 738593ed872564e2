using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.Migrations
{
    /// <summary>
    /// Customers' addresses become searchable: the column SearchAddress (street, city, region and postal code, spaced as
    /// SearchName is) and a third column of the FTS5 index CustomerSearchIndex, which is rebuilt with it.
    /// </summary>
    public partial class ChineseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            DropSearchIndex(migrationBuilder);
            migrationBuilder.AddColumn<string>(
                name: "SearchAddress",
                table: "Customers",
                type: "TEXT",
                maxLength: 1046,
                nullable: true);

            // What Customer.ToSearchName makes of an address, short of its case folding and NFKC, which FTS5's
            // unicode61 tokenizer does itself: CJK characters spaced apart, one character at a time.
            migrationBuilder.Sql("""
                WITH RECURSIVE spaced(Id, rest, done) AS (
                    SELECT Id, trim(coalesce(Address_Street, '') || ' ' || Address_City || ' ' || coalesce(Address_Region, '') || ' ' || coalesce(Address_PostalCode, '')), ''
                    FROM Customers WHERE Address_City IS NOT NULL
                    UNION ALL
                    SELECT Id, substr(rest, 2), done || CASE
                        WHEN unicode(rest) BETWEEN 13312 AND 40959 OR unicode(rest) BETWEEN 63744 AND 64255 THEN ' ' || substr(rest, 1, 1) || ' '
                        ELSE lower(substr(rest, 1, 1)) END
                    FROM spaced WHERE rest <> '')
                UPDATE Customers SET SearchAddress = trim(spaced.done)
                FROM spaced WHERE spaced.Id = Customers.Id AND spaced.rest = '';
                """);
            CreateSearchIndex(migrationBuilder, "SearchName", "Email", "SearchAddress");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropSearchIndex(migrationBuilder);
            migrationBuilder.DropColumn(
                name: "SearchAddress",
                table: "Customers");
            CreateSearchIndex(migrationBuilder, "SearchName", "Email");
        }

        private static void DropSearchIndex(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_SearchIndex_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_SearchIndex_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_SearchIndex_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CustomerSearchIndex;");
        }

        /// <summary>The FTS5 index over the columns (external content: it stores only the index), kept in step by triggers.</summary>
        private static void CreateSearchIndex(MigrationBuilder migrationBuilder, params string[] columns)
        {
            var list = string.Join(", ", columns);
            var old = string.Join(", ", columns.Select(c => "old." + c));
            var @new = string.Join(", ", columns.Select(c => "new." + c));
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE CustomerSearchIndex USING fts5(
                    {list},
                    content='Customers', content_rowid='rowid',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Customers_SearchIndex_Insert AFTER INSERT ON Customers BEGIN
                    INSERT INTO CustomerSearchIndex(rowid, {list}) VALUES (new.rowid, {@new});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Customers_SearchIndex_Delete AFTER DELETE ON Customers BEGIN
                    INSERT INTO CustomerSearchIndex(CustomerSearchIndex, rowid, {list}) VALUES ('delete', old.rowid, {old});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER Customers_SearchIndex_Update AFTER UPDATE OF {list} ON Customers BEGIN
                    INSERT INTO CustomerSearchIndex(CustomerSearchIndex, rowid, {list}) VALUES ('delete', old.rowid, {old});
                    INSERT INTO CustomerSearchIndex(rowid, {list}) VALUES (new.rowid, {@new});
                END;
                """);
            migrationBuilder.Sql("INSERT INTO CustomerSearchIndex(CustomerSearchIndex) VALUES ('rebuild');");
        }
    }
}
