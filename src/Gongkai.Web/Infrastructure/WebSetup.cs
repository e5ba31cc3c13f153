using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Gongkai.Data.Demo;
using Gongkai.Data.Schema;
using Gongkai.Data.Search;
using Gongkai.Web.Applications;
using Gongkai.Web.Disclosure;
using Gongkai.Web.Reports;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Gongkai.Web.Infrastructure;

public static class WebSetup
{
    /// <summary>The antiforgery cookie: it also tells one browser from another for the public forms' rate limit.</summary>
    public const string AntiforgeryCookie = "gongkai.af";

    /// <summary>The authorization policy of the record folders: a role that reads records somewhere.</summary>
    public const string ReadsRecords = "reads-records";

    public static IServiceCollection AddGongkaiWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var database = services.AddGongkaiData(configuration, environment.ContentRootPath);
        var site = SiteSettings.From(configuration, environment);
        services.AddSingleton(site);
        services.AddSingleton(Mail.JobSettings.Read(configuration));
        services.AddHostedService<Mail.MailWorker>();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the configured proxies are believed: anyone else could claim any address or scheme.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in site.TrustedProxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        if (environment.IsProduction())
        {
            // Requests for any other host name are refused (400) unless AllowedHosts names them itself.
            services.PostConfigure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
            {
                if (o.AllowedHosts.Count == 0 || o.AllowedHosts.Contains("*"))
                {
                    o.AllowedHosts = [site.PublicUrl.Host];
                }
            });
        }
        services.AddHttpContextAccessor();
        services.AddScoped<StaffContext>();

        // Keys live in the database so that every web node can read every cookie.
        services.AddDataProtection().SetApplicationName("Gongkai");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        var sessions = SessionLimits.From(configuration);
        services.AddSingleton(sessions);
        services.AddSingleton(TwoFactorSettings.From(configuration));
        services.AddSingleton<SetupGate>();
        // The cookie's expiry follows the injected clock, as everything else does.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/console/login";
                o.LogoutPath = "/console/logout";
                o.Cookie.Name = "gongkai.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Idle timeout: the cookie lasts Session:IdleMinutes and is renewed by use.
                o.ExpireTimeSpan = sessions.Idle;
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = StaffSignIn.ValidateAsync;
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/api"))
                    {
                        ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        return Task.CompletedTask;
                    }
                    ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        // The agencies' records are no business of the security and audit administrators (三员分立):
        // their folders answer 403 to a role that reads records nowhere, before any page runs.
        services.AddAuthorization(o => o.AddPolicy(ReadsRecords, p => p.RequireAssertion(c =>
            StaffClaims.Role(c.User) is { } role && AccessPolicy.HasAnywhere(role, Permission.ReadRecords))));
        services.AddAntiforgery(o => o.Cookie.Name = AntiforgeryCookie);

        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Console");
                o.Conventions.AllowAnonymousToPage("/Console/Login");
                o.Conventions.AllowAnonymousToPage("/Console/LoginCode");
                foreach (var folder in new[] { "/Console/Agencies", "/Console/Items", "/Console/Applications", "/Console/Reports", "/Console/Letters" })
                {
                    o.Conventions.AuthorizeFolder(folder, ReadsRecords);
                }
                // The same page writes a new item and changes a draft.
                o.Conventions.AddPageRoute("/Console/Items/Edit", "console/items/new");
            })
            .AddMvcOptions(o =>
            {
                ChineseMessages.Apply(o.ModelBindingMessageProvider);
                // Required fields say so explicitly, with a Chinese message; no implicit English "field is required".
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<FormFields>();
                o.Filters.Add<ParameterBounds>();
                o.Filters.Add<RepeatedPosts>();
                o.Filters.Add<PasswordChange>();
                o.Filters.Add<TwoFactorEnrolment>();
                o.Filters.Add<ExportAudit>();
            });
        services.AddPortalCache(database);
        services.AddSingleton<ImportReadings>();
        services.AddSingleton(UploadLimits.From(configuration));
        services.AddSingleton(ParseSlots.From(configuration));
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "公开 Gongkai API";
            document.Info.Description = "政府信息公开平台的开放接口。";
            return Task.CompletedTask;
        }));
        var rates = RateLimitSettings.From(configuration);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddReportParseLimit(rates);
            o.AddApplicationLimits(rates);
            o.AddSignInLimits(rates);
        });
        // Chinese text is written as is, not as &#x…; entities: pages stay small and readable.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }

    public static WebApplication UseGongkaiPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
        }
        app.Use(async (ctx, next) =>
        {
            // TRACE echoes a request back (cookies included, to a script that can read the answer); nothing here needs it.
            if (HttpMethods.IsTrace(ctx.Request.Method))
            {
                ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }
            await next();
        });
        app.Use(CanonicalPaths.RedirectAsync);
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["X-Frame-Options"] = "DENY";
            ctx.Response.Headers["Referrer-Policy"] = "same-origin";
            ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.Use(SetupGate.ShowUntilSetUpAsync);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.Use(PortalReads.ChooseAsync);
        app.UseRateLimiter();
        app.Use(RequestLimits.RefuseOversizedFormsAsync);
        app.Use(async (ctx, next) =>
        {
            // Every change saved in this request is written to the audit log under the signed-in staff member.
            if (ctx.User.Identity?.IsAuthenticated == true)
            {
                var actor = ctx.RequestServices.GetRequiredService<AuditActor>();
                actor.Set(StaffClaims.UserId(ctx.User), ctx.User.Identity.Name ?? "?");
            }
            await next();
        });
        app.Use(RepeatedPosts.RecordAnswerAsync);
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapReportApi();
        app.MapOpenReports();
        app.MapAgencyFeed();
        app.MapSitemap();
        app.MapReadingView();
        return app;
    }

    /// <summary>Upgrades the schema in place and, when configured, fills an empty database with the demo county.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
        var ran = await migrator.MigrateAsync();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gongkai");
        foreach (var script in ran)
        {
            log.LogInformation("Schema upgraded: {Script}", script.Name);
        }
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
        if (await Gongkai.Data.Protection.PersonalDataSeals.SealAllAsync(db, db.PersonalData) is > 0 and var sealedAgain)
        {
            log.LogInformation("Personal data sealed under key {Key}: {Count} values", db.PersonalData.CurrentKeyId, sealedAgain);
        }
        if (await scope.ServiceProvider.GetRequiredService<GongkaiDb>().Search.EnsureBuiltAsync() is > 0 and var indexed)
        {
            log.LogInformation("Search index built: {Items} published items", indexed);
        }
        if (app.Configuration.GetValue<bool>("Demo:SeedOnEmptyDatabase")
            && await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(withApplications: app.Configuration.GetValue("Demo:Applications", true),
                withStaffMail: app.Configuration.GetValue("Demo:StaffMail", true)))
        {
            log.LogWarning("""
                已写入演示数据（青溪县）。Demo data written. Staff console: /console/login
                演示账户（密码均为 {Password}）: {Accounts}
                """, DemoData.Password, string.Join(", ", DemoData.Accounts.Select(a => a.UserName)));
        }
    }
}
