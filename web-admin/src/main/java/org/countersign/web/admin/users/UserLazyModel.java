package org.countersign.web.admin.users;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.countersign.api.user.UserPage;
import org.countersign.api.user.UserQuery;
import org.countersign.api.user.UserRow;
import org.countersign.api.user.UserSort;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * One page of users at a time from the search service. The count asks for the first page and keeps it,
 * so the common case (a new search shows page one) costs one search.
 */
public class UserLazyModel extends LazyDataModel<UserRow> {

    private static final long serialVersionUID = 1L;

    /** Builds a query for a page: first, page size, sort, descending. */
    interface Queries {
        UserQuery page(int first, int pageSize, UserSort sort, boolean descending);
    }

    private final transient Function<UserQuery, UserPage> search;
    private final Queries queries;
    private UserQuery lastQuery;
    private UserPage lastPage;
    private List<UserRow> rows = List.of();
    private boolean capped;

    UserLazyModel(Function<UserQuery, UserPage> search, Queries queries) {
        this.search = search;
        this.queries = queries;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return run(queries.page(0, 25, UserSort.LOGIN, false)).total();
    }

    @Override
    public List<UserRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        UserSort sort = UserSort.LOGIN;
        boolean descending = false;
        for (SortMeta meta : sortBy.values()) {
            sort = switch (meta.getField()) {
                case "displayName" -> UserSort.DISPLAY_NAME;
                case "mail" -> UserSort.MAIL;
                case "directoryId" -> UserSort.DIRECTORY;
                default -> UserSort.LOGIN;
            };
            descending = meta.getOrder() == SortOrder.DESCENDING;
        }
        UserPage page = run(queries.page(first, pageSize, sort, descending));
        setRowCount(page.total());
        rows = page.rows();
        capped = page.capped();
        return rows;
    }

    private UserPage run(UserQuery query) {
        if (!query.equals(lastQuery)) {
            lastPage = search.apply(query);
            lastQuery = query;
        }
        return lastPage;
    }

    /** Forgets the cached page: the next count searches again. */
    void refresh() {
        lastQuery = null;
    }

    @Override
    public String getRowKey(UserRow row) {
        return row.userId();
    }

    @Override
    public UserRow getRowData(String rowKey) {
        return rows.stream().filter(r -> r.userId().equals(rowKey)).findFirst().orElse(null);
    }

    /** @return whether the count of the last search stopped at its limit */
    public boolean isCapped() {
        return capped;
    }
}
