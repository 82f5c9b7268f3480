using System.Text.Encodings.Web;
using System.Text.Unicode;
using Chancery.Api;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Contacts.Import;
using Chancery.Domain.Events;
using Chancery.Domain.Guests;
using Chancery.Domain.Missions;
using Chancery.Domain.Seating;
using Chancery.Domain.Users;
using Chancery.Email;
using Chancery.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

// Pages in GBK, Big5, Shift_JIS or windows-1256 (the press archive reads them) need the code pages .NET leaves out by default.
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
var services = builder.Services;
var config = builder.Configuration;
if (Backups.Run(args, config) is { } exit)
{
    return exit; // `backup <file>` or `restore <file>`: no server started
}

services.AddSingleton(TimeProvider.System);
services.AddSingleton<DataFolder>();
services.AddHttpContextAccessor();
services.AddChanceryDatabase(config);
services.AddDataProtection().SetApplicationName("Chancery").PersistKeysToDbContext<ChanceryDb>();

services.AddAuthentication(IdentitySetup.SignedInScheme)
    .AddPolicyScheme(IdentitySetup.SignedInScheme, null, IdentitySetup.ForwardBySiteArea)
    .AddBearerToken(IdentityConstants.BearerScheme)
    .AddIdentityCookies();
services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, RememberedBearerTokens.Setup>();
services.AddIdentityCore<ChanceryUser>(IdentitySetup.Configure)
    .AddEntityFrameworkStores<ChanceryDb>()
    .AddSignInManager()
    .AddDefaultTokenProviders();
services.Replace(ServiceDescriptor.Scoped<ILookupNormalizer, IdentitySetup.LookupNormalizer>());
services.ConfigureApplicationCookie(IdentitySetup.ConfigureCookie);
services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
services.AddAuthorizationBuilder().AddChanceryPolicies();
services.AddScoped<IAuthorizationHandler, MissionRoleHandler>();
services.AddChanceryRateLimits();

services.AddScoped<MissionScope>();
services.AddScoped<IClaimsTransformation, CurrentSessions>();
services.AddSingleton<IAuthorizationMiddlewareResultHandler, EndedSessionsChallenge>();
services.AddSingleton<PublicAddresses>();
services.AddScoped<MissionAdministration>();
services.AddScoped<TokenChains>();
services.AddScoped<Chancery.Domain.Audit.AuditNames>();
SiteOptions.Add(services);
services.AddScoped<PublicUrls>();
services.AddScoped<ContactDirectory>();
services.AddScoped<ContactCategories>();
services.AddScoped<Organizations>();
services.AddScoped<PersonalData>();
services.AddScoped<ContactImporter>();
services.AddScoped<ImportPreviews>();
services.AddScoped<GuestList>();
services.AddScoped<Chancery.Domain.Invitations.Answers>();
services.AddSingleton<Chancery.Domain.Door.DoorCodeBook>();
services.AddSingleton<Chancery.Domain.Door.ScanBatches>();
services.AddHostedService(sp => sp.GetRequiredService<Chancery.Domain.Door.ScanBatches>());
services.AddScoped<Chancery.Domain.Door.CheckIn>();
services.AddScoped<Chancery.Domain.Door.Arrivals>();
services.AddScoped<Chancery.Domain.Door.DoorData>();
services.AddScoped<EventEditor>();
services.AddScoped<Chancery.Domain.Invitations.EventKeyRing>();
services.AddScoped<Chancery.Domain.Invitations.InvitationSender>();
services.AddScoped<Chancery.Domain.Invitations.InvitationMail>();
services.AddScoped<Chancery.Email.IOutboxRenderer>(sp => sp.GetRequiredService<Chancery.Domain.Invitations.InvitationMail>());
services.AddScoped<SeatingPlans>();
services.AddOptions<Chancery.Domain.News.NewsOptions>().BindConfiguration(Chancery.Domain.News.NewsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddOptions<Chancery.Domain.Press.PressOptions>().BindConfiguration(Chancery.Domain.Press.PressOptions.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddScoped<Chancery.Domain.News.Newsroom>();
services.AddScoped<Chancery.Domain.News.NewsTemplates>();
services.AddScoped<Chancery.Domain.News.NewsDrafts>();
services.AddScoped<Chancery.Domain.News.PublicNews>();
services.AddScoped<Chancery.Domain.News.NewsPhotos>();
services.AddScoped<Chancery.Domain.Press.PressArchive>();
services.AddScoped<Chancery.Domain.Press.Clippings>();
services.AddScoped<Chancery.Domain.Press.Exhibitions>();
services.AddSingleton<Chancery.Domain.Press.LinkReader>();
services.AddScoped<Chancery.Domain.Press.LinkRounds>();
services.AddSingleton<Chancery.Domain.News.IPhotoStore, Chancery.Domain.News.FolderPhotoStore>();
services.AddSingleton<Chancery.Domain.News.NewsCache>();
services.AddSingleton<Chancery.Domain.News.NewsScheduler>();
services.AddHostedService(sp => sp.GetRequiredService<Chancery.Domain.News.NewsScheduler>());
services.AddOutputCache(Chancery.Domain.News.NewsCache.AddPolicy);
services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section).ValidateDataAnnotations().ValidateOnStart();
services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImportLimits>>().Value);
services.AddEmail(config);

services.AddRazorPages(o =>
{
    o.Conventions.AuthorizeAreaFolder("Staff", "/Users", Policies.Admin);
    o.Conventions.AuthorizeAreaFolder("Staff", "/Audit", Policies.Admin);
    o.Conventions.AuthorizeAreaFolder("Staff", "/Mail", Policies.Admin);
    o.Conventions.AuthorizeAreaFolder("Staff", "/Contacts", Policies.Directory);
    o.Conventions.AuthorizeAreaFolder("Staff", "/Organizations", Policies.Directory);
    o.Conventions.AuthorizeAreaPage("Staff", "/Contacts/Import", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Contacts/Edit", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Contacts/Categories", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Organizations/Edit", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Edit", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Copy", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Programme", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Guests", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Substitute", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Door", Policies.Door);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Arrivals", Policies.Door);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/ReceivingLine", Policies.Door);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Invitations", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Report", Policies.Reports);
    // Printed invitations carry each guest's reply link and door code: the protocol office's, not the door's.
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Print/Invitations", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Print/EnvelopeLabels", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Events/Seating", Policies.Protocol);
    o.Conventions.AuthorizeAreaPage("Staff", "/Missions/Precedence", Policies.Protocol);
    o.Conventions.AuthorizeAreaFolder("Staff", "/News", Policies.Press);
    o.Conventions.AuthorizeAreaFolder("Staff", "/Press", Policies.Coverage);
}).AddMvcOptions(o =>
{
    o.Filters.Add<DomainErrorPageFilter>();
    o.Filters.Add<FirstPassword>();
});
services.AddRouting(o => o.LowercaseUrls = true);
services.AddProblemDetails();
// Secure whenever the request came over HTTPS (directly or through the proxy, ForwardedHeaders): the sign-in cookie
// does so too (IdentitySetup); the mission cookie sets it itself.
services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
// Browsers that reached the app over HTTPS keep to it for a year. Only an HTTPS answer carries the header, so
// plain-HTTP development is untouched; loopback is not exempt, as a proxy on the same machine is the usual setup.
services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.ExcludedHosts.Clear();
});
// Unreadable request bodies reach ExceptionToProblem, which says what was wrong, in every environment.
services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Names in Arabic, Chinese or Georgian go into pages as they are, not as &#x...; escapes.
services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddExceptionHandler<ExceptionToProblem>();
services.AddChanceryOpenApi();
services.AddChanceryHealthChecks();
services.AddChanceryForwardedHeaders(config);

var app = builder.Build();

await app.Services.PrepareChanceryDatabaseAsync((sp, ct) => FirstStart.EnsureSeededAsync(sp, ct));

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseSecurityHeaders();
// Status code pages wrap the exception handler so an unhandled error on a page still gets the error page.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/error", "?code={0}"));
app.UseExceptionHandler();
app.UseUploadLimits();
app.UseJsonCharset();
app.UseStaticFiles();
app.UseMiddleware<PublicMissionScope>();
app.UseRouting();
// Right after routing, before sign-in is even looked at (for speed: docs/performance.md). Only endpoints that ask for
// NewsCache's policy are kept, and those must all allow anonymous readers — a test holds every cached endpoint to it —
// because a hit here is answered before authentication and authorization run. Nothing that sets a cookie, and no answer
// but a 200, is stored.
app.UseOutputCache();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapChanceryHealthChecks();
// Browsers ask for /favicon.ico on their own, late and whenever they like; a 404 there is console noise on every page.
app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapRazorPages();
Chancery.Pages.Public.News.NewsEndpoints.MapPublicNews(app);
Chancery.Pages.Public.Exhibitions.ExhibitionEndpoints.MapPublicExhibitions(app);

var api = app.MapGroup("/api").RequireAuthorization(Policies.Api);
api.MapAuthApi();
api.MapMissionsApi();
api.MapAuditApi();
api.MapContactsApi();
api.MapEventsApi();
api.MapGuestsApi();
api.MapInvitationsApi();
api.MapDoorApi();
api.MapReportsApi();
api.MapNewsApi();
api.MapPressApi();
api.MapExhibitionsApi();
// An unknown /api path is a plain 404, not a sign-in redirect (and there is no /register).
app.MapFallback("/api/{**path}", ApiFallback.Answer).AllowAnonymous().ExcludeFromDescription();
app.MapFallback(() => TypedResults.NotFound()).AllowAnonymous().ExcludeFromDescription();

app.Run();
return 0;

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
