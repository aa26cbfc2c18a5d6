package eu.aiskills.academy.compute.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import eu.aiskills.academy.compute.Allocation;
import eu.aiskills.academy.compute.AllocationId;
import eu.aiskills.academy.compute.BookingRefused;
import eu.aiskills.academy.compute.BookingRequest;
import eu.aiskills.academy.compute.Bookings;
import eu.aiskills.academy.shared.UserFacingException;
import eu.aiskills.academy.shared.ui.RecordBinder;
import eu.aiskills.academy.shared.ui.Views;

/**
 * Booking lab sessions on an allocation, bound to a {@link BookingRequest}: start (UTC), hours,
 * seats, GPUs per seat. A refusal for lack of room shows the nearest starts that fit, each one
 * click away.
 */
class BookingDialog extends Dialog {

    BookingDialog(Bookings bookings, Allocation allocation, Runnable saved) {

        setHeaderTitle(getTranslation("booking.title", allocation.factoryName(), allocation.partition()));
        setWidth("min(40rem, 95vw)");
        DateTimePicker start =
                new DateTimePicker(getTranslation("booking.field.start"));
        start.setHelperText(getTranslation("booking.utc"));
        IntegerField hours = new IntegerField(
                getTranslation("booking.field.hours"));
        hours.setMin(1);
        hours.setMax((int) BookingRequest.DURATION_MAX.toHours());
        IntegerField seats = new IntegerField(
                getTranslation("booking.field.seats"));
        seats.setMin(1);
        seats.setMax(BookingRequest.SEATS_MAX);
        IntegerField gpus = new IntegerField(
                getTranslation("booking.field.gpus"));
        gpus.setMin(1);
        gpus.setMax(BookingRequest.GPUS_PER_SEAT_MAX);
        RecordBinder<BookingRequest> binder = new RecordBinder<>(BookingRequest.class, Map.of());
        binder.forField(new ReadOnlyHasValue<AllocationId>(id -> { })).bind("allocation");
        binder.forField(start).withConverter(local -> local == null ? null : local.toInstant(ZoneOffset.UTC),
                (Instant at) -> at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .bind("startsAt");
        binder.forField(hours).withConverter(n -> Duration.ofHours(n == null ? 0 : n),
                (Duration d) -> d == null ? null : (int) d.toHours()).bind("duration");
        binder.forField(seats).withConverter(n -> n == null ? 0 : n, n -> n).bind("seats");
        binder.forField(gpus).withConverter(n -> n == null ? 0 : n, n -> n).bind("gpusPerSeat");
        binder.readRecord(new BookingRequest(allocation.id(),
                LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC),
                Duration.ofHours(2), 20, 1));
        Div alternatives = new Div();
        alternatives.addClassName("academy-actions");
        add(new FormLayout(start, hours, seats, gpus), alternatives);
        Button confirm = new Button(getTranslation("booking.book"), click -> {
            alternatives.removeAll();
            try {
                bookings.book(binder.write());
                close();
                Views.success(getTranslation("booking.booked"));
                saved.run();
            } catch (BookingRefused refused) {
                Views.error(getTranslation(refused.messageKey(), refused.arguments()));
                for (Instant alternative : refused.alternatives()) {
                    LocalDateTime local = LocalDateTime.ofInstant(alternative, ZoneOffset.UTC);
                    Button take = new Button(getTranslation("booking.try", Views.dateTime(this, alternative, ZoneId.of("UTC"))),
                            e -> start.setValue(local));
                    take.addThemeVariants(ButtonVariant.TERTIARY);
                    alternatives.add(take);
                }
            } catch (UserFacingException rejection) {
                Views.showRejection(this, rejection, binder.fields());
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), click -> close()), confirm);
    }
}
