namespace Chancery.Infrastructure;

/// <summary>
/// ASP.NET Core looks for appsettings.json and wwwroot in the working folder by default, so a service started
/// from its data folder served pages without CSS and ignored its settings. The app's own folder is used instead,
/// unless a content root is given explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>; the test host
/// does that). Relative paths in settings, such as <c>DataFolder</c>, still mean the working folder.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var given = new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build()["contentRoot"];
        return new WebApplicationOptions { Args = args, ContentRootPath = string.IsNullOrEmpty(given) ? AppContext.BaseDirectory : null };
    }
}
