namespace Chancery.Domain.Contacts;

/// <summary>
/// Cells beginning with =, +, -, @ (or a tab or carriage return) are formulas to a spreadsheet: an exported
/// "=HYPERLINK(...)" in a guest's name would run on the office's computer. Export prefixes them with an
/// apostrophe (OWASP's advice); import takes that apostrophe off again, so a file round-trips.
/// </summary>
public static class Spreadsheet
{
    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Safe(string? value) =>
        string.IsNullOrEmpty(value) ? "" : IsTrigger(value[0]) ? "'" + value : value;

    public static string? Unescape(string? value) =>
        value is { Length: > 1 } && value[0] == '\'' && IsTrigger(value[1]) ? value[1..] : value;
}
