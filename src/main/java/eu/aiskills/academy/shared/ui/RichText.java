package eu.aiskills.academy.shared.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import eu.aiskills.academy.shared.Markdown;

/**
 * Sanitised HTML on a page (rendered Markdown, a lesson's body, a lab's {@code text/latex}
 * output) whose formulas are typeset by MathJax in the browser once it is shown. The HTML must
 * already be safe: it comes from {@link Markdown}, or is built here.
 */
@JavaScript("context://scripts/academy-math.js")
public class RichText extends Div {

    private boolean formulas;

    public RichText(String safeHtml) {
        setHtml(safeHtml);
    }

    /** Markdown rendered and sanitised. */
    public static RichText markdown(String markdown) {
        return new RichText(Markdown.toSafeHtml(markdown));
    }

    /**
     * What a kernel sends as {@code text/latex}: one formula ({@code $…$}, {@code $$…$$},
     * {@code \[…\]}, or an environment such as {@code \begin{align}}), displayed on its own
     * line; or text with formulas in it ("The area is $\pi r^2$"), read as Markdown.
     */
    public static RichText latex(String latex) {
        String tex = latex.strip();
        String formula = null;
        if (tex.length() >= 4 && (tex.startsWith("$$") && tex.endsWith("$$") || tex.startsWith("\\[") && tex.endsWith("\\]"))) {
            formula = tex.substring(2, tex.length() - 2);
        } else if (tex.length() >= 2 && tex.startsWith("$") && tex.endsWith("$") && tex.indexOf('$', 1) == tex.length() - 1) {
            formula = tex.substring(1, tex.length() - 1);
        } else if (tex.startsWith("\\begin{")) {
            // An environment is display math of its own (MathJax finds it in the text): no \[ around it.
            formula = tex;
        }
        RichText text;
        if (formula == null) {
            text = markdown(tex);
        } else {
            Div math = new Div();
            math.setClassName("math-display");
            math.setText(formula.startsWith("\\begin{") ? formula : "\\[" + formula + "\\]");
            text = new RichText(math.getElement().getOuterHTML());
        }
        text.addClassName("academy-math-output");
        return text;
    }

    /** Shows other HTML (already safe) and typesets it again. */
    public final void setHtml(String safeHtml) {
        getElement().setProperty("innerHTML", safeHtml);
        formulas = safeHtml.contains("math-inline") || safeHtml.contains("math-display");
        if (formulas && isAttached()) {
            typeset();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (formulas) {
            typeset();
        }
    }

    private void typeset() {
        getElement().executeJs("if (window.academyTypeset) { window.academyTypeset(this); }");
    }
}
