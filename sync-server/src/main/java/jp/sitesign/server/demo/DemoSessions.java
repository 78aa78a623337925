package jp.sitesign.server.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.sitesign.model.user.UserId;
import jp.sitesign.server.ServerContext;
import jp.sitesign.server.auth.Caller;

/**
 * The demo users' sessions while the demo data is made: each acting user logs in with their demo
 * password like anyone else (so the login log shows it), acts through the services, and logs out at the end.
 */
final class DemoSessions implements AutoCloseable {
    private final ServerContext ctx;
    private final Map<UserId, Caller> callers = new LinkedHashMap<>();

    DemoSessions(ServerContext ctx) {
        this.ctx = ctx;
    }

    Caller of(DemoCompanies.Person person) {
        return callers.computeIfAbsent(person.id(), id -> {
            String token = ctx.auth().login(id.value(), person.password().toCharArray(), null).join().token();
            return ctx.auth().authenticate(token, null);
        });
    }

    @Override
    public void close() {
        callers.values().forEach(ctx.auth()::logout);
        callers.clear();
    }
}
