package org.countersign.web.admin;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * A form post whose view state this session does not hold (expired, or replayed from another session: CSRF)
 * is refused with 403 and the page {@code expired.xhtml}; nothing of the post is applied.
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

    public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator(); it.hasNext();) {
                Throwable t = it.next().getContext().getException();
                while (t != null && !(t instanceof ViewExpiredException)) {
                    t = t.getCause();
                }
                if (t != null) {
                    it.remove();
                    FacesContext faces = FacesContext.getCurrentInstance();
                    faces.getExternalContext().setResponseStatus(403);
                    faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, "/expired.xhtml"));
                    faces.getPartialViewContext().setRenderAll(true);
                    faces.renderResponse();
                }
            }
            getWrapped().handle();
        }
    }
}
