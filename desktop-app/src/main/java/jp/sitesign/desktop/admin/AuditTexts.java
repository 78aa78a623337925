package jp.sitesign.desktop.admin;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import jp.sitesign.desktop.ui.DateDisplay;
import jp.sitesign.desktop.ui.Language;
import jp.sitesign.model.contract.ContractStatus;
import jp.sitesign.model.user.Role;
import jp.sitesign.model.user.UserStatus;

/**
 * The audit log in words for the 監査ログ table: who acted (the person's name, 「システム」 for the server itself),
 * on what (a contract by 文書管理番号 and title, a user or a company by name) and the details as labelled Japanese
 * phrases — statuses, roles and dates in words, hashes and ids left to the CSV export, which keeps the raw log.
 */
public final class AuditTexts {
    /** What this computer knows to name things by; each answer empty where it does not know. */
    public interface Directory {
        Optional<String> person(String userId);

        /** A contract as 「文書管理番号 名称」. */
        Optional<String> contract(String contractId);

        Optional<String> company(String companyId);

        Directory NONE = new Directory() {
            @Override
            public Optional<String> person(String userId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> contract(String contractId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> company(String companyId) {
                return Optional.empty();
            }
        };
    }

    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern USER = Pattern.compile("U\\d{8}");
    private static final Pattern COMPANY = Pattern.compile("C\\d{8}");
    private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern DATE_END = Pattern.compile("\\d{4}-\\d{2}-\\d{2}$");
    /** Detail keys whose values (hashes, serial numbers) mean nothing to a reader; the CSV export keeps them. */
    private static final java.util.Set<String> LEFT_OUT = java.util.Set.of("sha256", "main", "certSerial", "serial",
            "certIssuer");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,}");

    private final ResourceBundle bundle;
    private final Language language;
    private final DateDisplay dates;
    private final Directory directory;

    public AuditTexts(ResourceBundle bundle, DateDisplay dates, Directory directory) {
        this.bundle = bundle;
        this.language = Language.of(bundle);
        this.dates = dates;
        this.directory = directory == null ? Directory.NONE : directory;
    }

    /** Who acted: a name, 「システム」, or the login id of someone this computer cannot name. */
    public String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            return "";
        }
        if ("system".equalsIgnoreCase(actor)) {
            return bundle.getString("audit.actor.system");
        }
        return directory.person(actor).orElse(actor);
    }

    /** What the event concerns, named; a contract this computer does not hold reads 「案件（この端末にない案件）」. */
    public String target(String target) {
        if (target == null || target.isBlank()) {
            return "";
        }
        String t = target.strip();
        if (UUID.matcher(t).matches()) {
            return directory.contract(t).orElse(bundle.getString("audit.target.unknownContract"));
        }
        if (USER.matcher(t).matches()) {
            return directory.person(t).orElse(t);
        }
        if (COMPANY.matcher(t).matches()) {
            return directory.company(t).orElse(t);
        }
        return t;
    }

    /**
     * The details ({@code status=AWAITING_SIGNATURE sha256=…}) as labelled words 「ステータス: 署名待ち」; hashes and
     * serial numbers are left out, ids named, known codes in words, and anything else kept as written.
     */
    public String details(String details) {
        if (details == null || details.isBlank()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String token : tokens(details)) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                out.add(value(token));
                continue;
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            String label = label(key);
            if (label == null) {
                // an unknown key: kept, with any id or hash in it named or dropped
                out.add(key + ": " + value(value));
            } else if (!label.isEmpty()) {
                out.add(MessageFormat.format(bundle.getString("audit.detail.pair"), label, words(key, value)));
            }
        }
        return String.join(bundle.getString("audit.detail.separator"), out);
    }

    /** The details' {@code key=value} tokens; a time written after a date ({@code deadline=2026-12-07 08:31:12+09:00}) stays with it. */
    private static List<String> tokens(String details) {
        List<String> tokens = new ArrayList<>();
        // The user log's one phrase without a code (UserService: "profile changed").
        for (String t : details.strip().replace("profile changed", "profile=changed").split("\\s+")) {
            if (!tokens.isEmpty() && TIME.matcher(t).matches()
                    && DATE_END.matcher(tokens.get(tokens.size() - 1)).find()) {
                tokens.set(tokens.size() - 1, tokens.get(tokens.size() - 1) + "T" + t);
            } else {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** The label for a detail key; empty for keys left out (hashes), null for keys not known here. */
    private String label(String key) {
        if (LEFT_OUT.contains(key)) {
            return "";
        }
        try {
            return bundle.getString("audit.detail." + key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private String words(String key, String value) {
        if (value.contains("->")) {
            String[] ends = value.split("->", 2);
            return words(key, ends[0]) + "→" + words(key, ends[1]);
        }
        return switch (key) {
            case "status" -> status(value);
            case "role" -> enumWords(Role.class, value);
            case "deadline", "expires", "time", "from", "to" -> when(value);
            case "profile" -> bundle.getString("audit.detail.changed");
            default -> value(value);
        };
    }

    private String status(String value) {
        try {
            ContractStatus s = ContractStatus.valueOf(value);
            return language.pick(s.labelJa(), s.labelEn());
        } catch (IllegalArgumentException notContract) {
            return enumWords(UserStatus.class, value);
        }
    }

    private <E extends Enum<E>> String enumWords(Class<E> type, String value) {
        try {
            E e = Enum.valueOf(type, value);
            if (e instanceof Role r) {
                return language.pick(r.labelJa(), r.labelEn());
            }
            if (e instanceof UserStatus u) {
                return language.pick(u.labelJa(), u.labelEn());
            }
            return value;
        } catch (IllegalArgumentException e) {
            return value(value);
        }
    }

    private String when(String value) {
        try {
            return dates.dateTime(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return dates.dateTime(Instant.parse(value));
            } catch (DateTimeParseException notInstant) {
                return value(value);
            }
        }
    }

    /** A value as shown: ids named, hashes shortened to nothing an auditor reads. */
    private String value(String value) {
        if (UUID.matcher(value).matches() || USER.matcher(value).matches() || COMPANY.matcher(value).matches()) {
            return target(value);
        }
        if (HEX.matcher(value).matches()) {
            return bundle.getString("audit.detail.hash");
        }
        return value;
    }
}
