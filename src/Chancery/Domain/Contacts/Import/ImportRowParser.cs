namespace Chancery.Domain.Contacts.Import;

/// <summary>One row's cells, read and checked. Empty cells are null: they never erase what a contact already has.</summary>
internal sealed class ImportRowParser(string[] headers, string?[] columns, IReadOnlyDictionary<string, int> maxLengths)
{
    public sealed class Parsed
    {
        public required int Row { get; init; }
        public string? Organization { get; set; }
        public OrganizationType? OrganizationType { get; set; }
        public string? Country { get; set; }
        public string? Honorific { get; set; }
        public string? FirstName { get; set; }
        public string LastName { get; set; } = "";
        public string? Position { get; set; }
        public string? DiplomaticRank { get; set; }
        public HeadOfMissionClass? HeadOfMissionClass { get; set; }
        public DateTime? CredentialsPresented { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Language { get; set; }
        public string? Category { get; set; }
        public List<string>? Tags { get; set; }
        public bool? HeadOfOrganization { get; set; }
        public string? LatinName { get; set; }
        public Names.NameOrder? NameOrder { get; set; }
        public string? SpouseHonorific { get; set; }
        public string? SpouseFirstName { get; set; }
        public string? SpouseLastName { get; set; }
    }

    public Parsed Parse(SheetRow row, List<ImportError> errors)
    {
        var p = new Parsed { Row = row.Row };
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is not { } column)
            {
                continue;
            }
            var value = Spreadsheet.Unescape(Text.Clean(i < row.Cells.Length ? row.Cells[i] : null));
            void Error(string message) => errors.Add(new ImportError(row.Row, headers[i], message));
            if (value is not null && value.Length > MaxLength(column) && Data.FieldLengths.Length(value) > MaxLength(column))
            {
                Error($"is longer than {MaxLength(column):N0} characters (it has {Data.FieldLengths.Length(value):N0})");
                if (column == ImportColumns.LastName)
                {
                    p.LastName = value; // said once: too long, not also missing
                }
                continue;
            }
            switch (column)
            {
                case ImportColumns.Organization: p.Organization = value; break;
                case ImportColumns.OrganizationType:
                    if (value is not null)
                    {
                        p.OrganizationType = ContactRules.ParseEnum<OrganizationType>(value);
                        if (p.OrganizationType is null)
                        {
                            Error($"'{value}' {ContactRules.TypeMessage}");
                        }
                    }
                    break;
                case ImportColumns.Country: p.Country = value; break;
                case ImportColumns.Honorific: p.Honorific = value; break;
                case ImportColumns.FirstName: p.FirstName = value; break;
                case ImportColumns.LastName: p.LastName = value ?? ""; break;
                case ImportColumns.Position: p.Position = value; break;
                case ImportColumns.DiplomaticRank: p.DiplomaticRank = value; break;
                case ImportColumns.HeadOfMissionClass:
                    if (value is not null)
                    {
                        p.HeadOfMissionClass = ContactRules.ParseEnum<HeadOfMissionClass>(value);
                        if (p.HeadOfMissionClass is null)
                        {
                            Error($"'{value}' {ContactRules.ClassMessage}");
                        }
                    }
                    break;
                case ImportColumns.CredentialsPresented:
                    if (value is not null)
                    {
                        if (ContactRules.TryParseDate(value, out var d))
                        {
                            p.CredentialsPresented = d;
                        }
                        else
                        {
                            Error($"'{value}' {ContactRules.DateMessage}");
                        }
                    }
                    break;
                case ImportColumns.Email:
                    if (value is not null && !ContactRules.IsEmail(value))
                    {
                        Error($"'{value}' {ContactRules.EmailMessage}");
                    }
                    p.Email = value;
                    break;
                case ImportColumns.Phone: p.Phone = value; break;
                case ImportColumns.Language:
                    if (value is not null && !ContactRules.IsLanguageTag(value))
                    {
                        Error($"'{value}' {ContactRules.LanguageMessage}");
                    }
                    p.Language = value;
                    break;
                case ImportColumns.Category: p.Category = value; break;
                case ImportColumns.LatinName:
                    if (Names.Romanization.Problem(value) is { } latinProblem)
                    {
                        Error(latinProblem);
                    }
                    p.LatinName = value;
                    break;
                case ImportColumns.NameOrder:
                    if (value is not null)
                    {
                        p.NameOrder = ContactRules.ParseEnum<Names.NameOrder>(value);
                        if (p.NameOrder is null)
                        {
                            Error($"'{value}' {ContactRules.NameOrderMessage}");
                        }
                    }
                    break;
                case ImportColumns.SpouseHonorific: p.SpouseHonorific = value; break;
                case ImportColumns.SpouseFirstName: p.SpouseFirstName = value; break;
                case ImportColumns.SpouseLastName: p.SpouseLastName = value; break;
                case ImportColumns.HeadOfOrganization:
                    if (value is not null)
                    {
                        p.HeadOfOrganization = ContactRules.ParseYesNo(value);
                        if (p.HeadOfOrganization is null)
                        {
                            Error($"'{value}' is not yes or no; write yes for the head of an international organization, no (or nothing) otherwise");
                        }
                    }
                    break;
                case ImportColumns.Tags:
                    p.Tags = value is null ? null : ContactRules.SplitTags(value);
                    if (ContactRules.TagsProblem(p.Tags) is { } problem)
                    {
                        Error(problem);
                    }
                    break;
            }
        }
        if (string.IsNullOrEmpty(p.LastName))
        {
            var lastNameHeader = Array.IndexOf(columns, ImportColumns.LastName);
            errors.Add(new ImportError(row.Row, lastNameHeader >= 0 ? headers[lastNameHeader] : ImportColumns.LastName,
                "is required (a person with a single name puts it here)"));
        }
        return p;
    }

    private int MaxLength(string column) => maxLengths.GetValueOrDefault(column, int.MaxValue);
}
