package jp.sitesign.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/**
 * Where the window opens: back where it was on the same screen (moved and shrunk into what the screen leaves to
 * windows), centred on the primary screen when that screen is gone or nothing is saved, and never taller than a
 * 1366×768 laptop's 728 pixels above the taskbar.
 */
class WindowPlacementTest {
    static final WindowPlacement.Display LAPTOP = new WindowPlacement.Display(new Rectangle2D(0, 0, 1366, 768),
            new Rectangle2D(0, 0, 1366, 728));
    static final WindowPlacement.Display BIG = new WindowPlacement.Display(new Rectangle2D(1366, 0, 1920, 1080),
            new Rectangle2D(1366, 0, 1920, 1040));

    @Test
    void withNothingSavedTheWindowFitsTheLaptopAndIsCentred() {
        WindowPlacement p = WindowPlacement.restore(Optional.empty(), List.of(LAPTOP), LAPTOP);

        assertThat(p.window()).isEqualTo(new Rectangle2D(43, 0, 1280, 728));
        assertThat(p.maximized()).isFalse();
        assertThat(p.screen()).isEqualTo(LAPTOP.bounds());
    }

    @Test
    void onALargeScreenTheDefaultSizeIsCentred() {
        WindowPlacement p = WindowPlacement.restore(Optional.empty(), List.of(BIG), BIG);

        assertThat(p.window()).isEqualTo(new Rectangle2D(1366 + 320, 120, 1280, 800));
    }

    @Test
    void aSavedPlaceOnAScreenThatIsStillThereComesBackWithItsMaximisedState() {
        WindowPlacement saved = new WindowPlacement(BIG.bounds(), new Rectangle2D(1500, 100, 1400, 900), true);

        WindowPlacement p = WindowPlacement.restore(Optional.of(saved), List.of(LAPTOP, BIG), LAPTOP);

        assertThat(p.window()).isEqualTo(new Rectangle2D(1500, 100, 1400, 900));
        assertThat(p.maximized()).isTrue();
        assertThat(p.screen()).isEqualTo(BIG.bounds());
    }

    @Test
    void aSavedPlaceOnAScreenThatIsGoneOpensCentredOnThePrimaryScreen() {
        WindowPlacement saved = new WindowPlacement(BIG.bounds(), new Rectangle2D(1500, 100, 1400, 900), true);

        WindowPlacement p = WindowPlacement.restore(Optional.of(saved), List.of(LAPTOP), LAPTOP);

        assertThat(p.window()).isEqualTo(new Rectangle2D(43, 0, 1280, 728));
        assertThat(p.maximized()).isFalse();
    }

    @Test
    void aWindowTallerThanTheScreenOrPartlyOffItIsShrunkAndMovedIntoTheVisualBounds() {
        // The old 1200×760 window at (0,40): its status bar was below the taskbar.
        WindowPlacement saved = new WindowPlacement(LAPTOP.bounds(), new Rectangle2D(0, 40, 1200, 760), false);

        WindowPlacement p = WindowPlacement.restore(Optional.of(saved), List.of(LAPTOP), LAPTOP);

        assertThat(p.window()).isEqualTo(new Rectangle2D(0, 0, 1200, 728));
        assertThat(WindowPlacement.clamp(new Rectangle2D(-300, 500, 800, 600), LAPTOP.visualBounds()))
                .isEqualTo(new Rectangle2D(0, 128, 800, 600));
        assertThat(WindowPlacement.clamp(new Rectangle2D(1000, 100, 800, 600), LAPTOP.visualBounds()))
                .isEqualTo(new Rectangle2D(566, 100, 800, 600));
    }

    @Test
    void thePlacementIsWrittenAsOneLineAndReadBackAndNonsenseReadsAsNothing() {
        WindowPlacement p = new WindowPlacement(BIG.bounds(), new Rectangle2D(1500, 100, 1400, 900), true);

        assertThat(p.encode()).isEqualTo("1366,0,1920,1080;1500,100,1400,900;1");
        assertThat(WindowPlacement.parse(p.encode())).contains(p);
        assertThat(WindowPlacement.parse(null)).isEmpty();
        assertThat(WindowPlacement.parse("1,2,3;4,5,6,7;1")).isEmpty();
        assertThat(WindowPlacement.parse("0,0,1366,768;0,0,-5,700;0")).isEmpty();
        assertThat(WindowPlacement.parse("0,0,1366,768;0,0,800,700;yes")).isEmpty();
    }
}
