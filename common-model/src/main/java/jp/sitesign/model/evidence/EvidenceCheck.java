package jp.sitesign.model.evidence;

import java.util.List;
import java.util.Locale;

/**
 * What {@link EvidenceChecker} found in a package: each problem named by the entry it concerns, what was
 * confirmed, and whether the signers were checked against trust anchors at all.
 *
 * @param problems     empty when everything is consistent
 * @param confirmed    what was checked and held
 * @param trustChecked false when no anchor was given: then integrity and consistency are checked, identity not
 */
public record EvidenceCheck(List<Finding> problems, List<Finding> confirmed, boolean trustChecked) {

    public EvidenceCheck {
        problems = List.copyOf(problems);
        confirmed = List.copyOf(confirmed);
    }

    /** One statement about one entry of the package, in Japanese and English. */
    public record Finding(String entry, String ja, String en) {
        String in(boolean english) {
            return entry + ": " + (english ? en : ja);
        }
    }

    /** True when nothing in the package was altered, removed or added. */
    public boolean consistent() {
        return problems.isEmpty();
    }

    /** One line per finding, problems first, then the verdict: English for an English locale, else Japanese. */
    public String toText(Locale locale) {
        boolean en = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        StringBuilder text = new StringBuilder();
        for (Finding f : problems) {
            text.append(en ? "ALTERED  " : "改ざん・欠落  ").append(f.in(en)).append('\n');
        }
        for (Finding f : confirmed) {
            text.append("OK  ").append(f.in(en)).append('\n');
        }
        if (!trustChecked) {
            text.append(en ? "Trust was not checked: give the CA certificates with --trust to check who signed and sealed."
                    : "信頼性は確認していません。署名者と発行者を確認するには --trust で CA 証明書を指定してください。").append('\n');
        }
        if (consistent()) {
            text.append(en ? "Result: the evidence package is consistent; nothing was altered."
                    : "結果: 証拠一式は整合しています。改ざんは検出されませんでした。").append('\n');
        } else {
            text.append(en ? "Result: the evidence package was altered (" + problems.size() + " problem(s) above)."
                    : "結果: 証拠一式に改ざん・欠落があります（上記 " + problems.size() + " 件）。").append('\n');
        }
        return text.toString();
    }
}
