package jp.sitesign.server.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo data's printout (DemoData.ensure), read back: the two companies and every login. */
public final class DemoPrintout {
    private static final Pattern COMPANY = Pattern.compile("^DEMO (発注者|受注者) (C\\d{8}) (.+)$", Pattern.MULTILINE);
    private static final Pattern USER = Pattern.compile("^  (責任者 OWNER|管理者 ADMIN|一般 MEMBER)\\s+(U\\d{8})"
            + "  password: (\\S+)  (.+?)\\s*(?:署名鍵 key: (\\S+)  PIN: (\\S+)  \\((JC-\\d+)\\))?$", Pattern.MULTILINE);

    /** 発注者 or 受注者 → company id. */
    public final Map<String, String> companies = new LinkedHashMap<>();
    public final List<Login> logins = new ArrayList<>();

    /** One printed login line. */
    public record Login(String side, String company, String role, String userId, String password, String name,
            String p12, String pin, String certificate) {
    }

    public static DemoPrintout parse(String text) {
        DemoPrintout out = new DemoPrintout();
        String side = null;
        String company = null;
        for (String line : text.split("\n")) {
            Matcher c = COMPANY.matcher(line);
            Matcher u = USER.matcher(line);
            if (c.matches()) {
                side = c.group(1);
                company = c.group(2);
                out.companies.put(side, company);
            } else if (u.matches()) {
                out.logins.add(new Login(side, company, u.group(1), u.group(2), u.group(3), u.group(4), u.group(5),
                        u.group(6), u.group(7)));
            }
        }
        return out;
    }

    /**
     * Starts a server in demo mode with its demo data, on a fixed free port (the demo certificates name the
     * DEMO TSA's address), on {@code clock}, and reads its printout.
     */
    public static DemoPrintout startDemo(Map<String, String> extra, MutableClock clock, TestServer[] started) {
        Map<String, String> settings = new java.util.HashMap<>(extra);
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            settings.put("port", Integer.toString(s.getLocalPort()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        settings.put("demo", "true");
        started[0] = TestServer.start(settings, clock);
        return parse(jp.sitesign.server.demo.DemoData.ensure(started[0].context()));
    }

    /** Logs in as the demo's {@code role} at {@code side} and returns the session token. */
    public String login(ApiClient api, String side, String role) {
        Login l = person(side, role);
        return api.login(l.userId(), l.password());
    }

    /** The login of {@code role} ("責任者 OWNER", "管理者 ADMIN", "一般 MEMBER") at {@code side} (発注者, 受注者). */
    public Login person(String side, String role) {
        return logins.stream().filter(l -> l.side().equals(side) && l.role().equals(role)).findFirst().orElseThrow();
    }
}
